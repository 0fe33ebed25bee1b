export function TodayQueue() {
  return <h1>TodayQueue</h1>;
}
