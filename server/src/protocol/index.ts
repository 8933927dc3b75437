// The only part of server/ the client may import: plain data, typed messages, and the one
// dependency-free function both sides must share (language detection).
export * from './documentSelector';
export * from './languageDetection';
export * from './requests';
export * from './settings';
export * from './trace';
