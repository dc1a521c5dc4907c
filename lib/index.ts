export * from './distribution';
export * from './staging';
export * from './origins';
export * from './cache-behavior';
export * from './error-response';
export * from './logging';
export * from './viewer-certificate';
export * from './streaming-distribution';
