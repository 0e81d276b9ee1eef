import { useEffect, useRef, useState } from 'preact/hooks';
import type { Attachment, ParleyClient } from '../../core/index.js';

export interface UploadItem {
  id: string;
  name: string;
  /** 0 to 1. */
  progress: number;
  state: 'uploading' | 'done' | 'failed';
  attachment?: Attachment;
}

let counter = 0;

/**
 * Files the visitor attached to the next message: each uploads at once with progress, and can
 * be removed (which cancels it). Drag and drop, paste and limits will feed `add` too.
 */
export function useUploads(client: ParleyClient) {
  const [items, setItems] = useState<UploadItem[]>([]);
  const controllers = useRef(new Map<string, AbortController>());
  const update = (id: string, patch: Partial<UploadItem>) =>
    setItems((list) => list.map((item) => (item.id === id ? { ...item, ...patch } : item)));

  useEffect(() => () => controllers.current.forEach((c) => c.abort()), []);

  function add(files: Iterable<File>) {
    for (const file of files) {
      const id = `upload-${++counter}`;
      const controller = new AbortController();
      controllers.current.set(id, controller);
      setItems((list) => [...list, { id, name: file.name, progress: 0, state: 'uploading' }]);
      client
        .upload(file, file.name, {
          signal: controller.signal,
          onProgress: (loaded, total) => update(id, { progress: total > 0 ? Math.min(1, loaded / total) : 0 }),
        })
        .then(
          (attachment) => update(id, { state: 'done', progress: 1, attachment }),
          () => {
            // A cancelled upload was removed on purpose; any other failure stays visible on its chip.
            if (!controller.signal.aborted) update(id, { state: 'failed' });
          },
        )
        .finally(() => controllers.current.delete(id));
    }
  }

  function remove(id: string) {
    controllers.current.get(id)?.abort();
    setItems((list) => list.filter((item) => item.id !== id));
  }

  return {
    items,
    add,
    remove,
    clear: () => setItems([]),
    ready: items.flatMap((item) => (item.attachment ? [item.attachment] : [])),
    busy: items.some((item) => item.state === 'uploading'),
  };
}
