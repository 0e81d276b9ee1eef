export { checkFile } from './checkFile.js';
export type { FileRefusal } from './checkFile.js';
export { createUploadQueue } from './createUploadQueue.js';
export type { NameCheck, UploadItem, UploadProblem, UploadQueue, UploadQueueOptions, UploadState } from './createUploadQueue.js';
export { fileType, matchesType } from './matchesType.js';
