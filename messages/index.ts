export * from './schemas';
export * from './decision';
