import type { Translator, UploadItem } from '../../core/index.js';
import { formatFileSize } from './formatFileSize.js';

/** What a chip says about its file: progress, readiness, or exactly why it cannot go. */
export function uploadText(t: Translator, item: UploadItem): string {
  const name = item.name;
  if (item.state === 'checking') return t('upload.checking', { name });
  if (item.state === 'uploading') return t('upload.progress', { name, percent: Math.round(item.progress * 100) });
  if (item.state === 'waiting') return t('upload.waiting', { name });
  if (item.state === 'done') return t('upload.done', { name });
  switch (item.problem) {
    case 'type':
      return t('upload.refusedType', { name });
    case 'size':
      return t('upload.refusedSize', { name, limit: item.limit ? formatFileSize(t, item.limit) : '' }).trim();
    case 'count':
      return t('upload.refusedCount', { name, count: item.limit ?? 0 });
    case 'empty':
      return t('upload.refusedEmpty', { name });
    case 'secretName':
      return t('upload.secretName', { name });
    case 'cancelled':
      return t('upload.cancelled', { name });
    case 'interrupted':
      return t('upload.interrupted', { name });
    default:
      return t('upload.failed', { name });
  }
}
