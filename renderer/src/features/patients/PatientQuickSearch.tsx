export function PatientQuickSearch() {
  return null;
}
