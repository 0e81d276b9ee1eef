import type { Attachment } from '../../core/protocol/index.js';
import { h } from './dom.js';
import type { OperatorApi } from './operatorApi.js';

/**
 * Object URLs of downloaded attachments. Files need the key header, so they are fetched and
 * shown through `blob:` URLs; `revokeAll` frees them when the console switches conversations.
 */
export class BlobUrls {
  private readonly urls = new Map<string, Promise<string>>();

  constructor(private readonly api: OperatorApi) {}

  get(attachment: Attachment): Promise<string> {
    let url = this.urls.get(attachment.id);
    if (!url) {
      url = this.api.file(attachment.url).then((blob) => URL.createObjectURL(blob));
      // A failed download may succeed later; do not cache the failure.
      url.catch(() => this.urls.delete(attachment.id));
      this.urls.set(attachment.id, url);
    }
    return url;
  }

  revokeAll(): void {
    for (const url of this.urls.values()) {
      url.then(URL.revokeObjectURL, () => undefined);
    }
    this.urls.clear();
  }
}

/** Images as thumbnails, other files as download links; both load through {@link BlobUrls}. */
export function attachmentView(attachments: readonly Attachment[], blobs: BlobUrls): HTMLElement | null {
  if (attachments.length === 0) return null;
  return h('div', { class: 'attachments' }, ...attachments.map((a) => (a.kind === 'image' ? thumbnail(a, blobs) : fileLink(a, blobs))));
}

function thumbnail(attachment: Attachment, blobs: BlobUrls): HTMLElement {
  const img = h('img', { attrs: { alt: attachment.name, title: attachment.name } });
  if (attachment.width && attachment.height) {
    img.width = Math.min(180, attachment.width);
  }
  const link = fileLink(attachment, blobs, img);
  blobs.get(attachment).then(
    (url) => {
      img.src = url;
    },
    (error: unknown) => {
      img.alt = `${attachment.name} (could not load)`;
      console.warn('Parley console: image failed to load', error);
    },
  );
  return link;
}

function fileLink(attachment: Attachment, blobs: BlobUrls, content?: HTMLElement): HTMLElement {
  const label = content ?? `📎 ${attachment.name} (${formatSize(attachment.size)})`;
  return h(
    'a',
    {
      attrs: { href: '#', title: `Download ${attachment.name}` },
      on: {
        click: (event) => {
          event.preventDefault();
          blobs.get(attachment).then(
            (url) => {
              // A temporary link with `download` saves the file instead of opening it.
              const save = h('a', { attrs: { href: url, download: attachment.name } });
              document.body.append(save);
              save.click();
              save.remove();
            },
            (error: unknown) => {
              console.error('Parley console: download failed', error);
              alert(`Could not download ${attachment.name}`);
            },
          );
        },
      },
    },
    label,
  );
}

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
