export * from './sync';
export * from './settings';
export * from './providers';
export * from './accounts';
export * from './patients';
export * from './scheduling';
export * from './conflicts';
export * from './charting';
