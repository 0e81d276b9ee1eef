import type { Attachment } from '../../core/index.js';
import { downloadBlob } from '../model/downloadBlob.js';
import { formatFileSize } from '../model/formatFileSize.js';
import { useAttachmentUrl } from '../hooks/useAttachmentUrl.js';
import { useT } from '../hooks/useT.js';
import { useWidget } from '../WidgetContext.js';
import { Icon } from './Icon.js';

/**
 * An attachment in a message. Only images the server verified (`kind: 'image'`) show inline, as
 * a thumbnail fetched with the session token; every other file, SVG and HTML included, is a
 * download button, fetched only when clicked and saved (never opened in a tab), because a blob
 * URL opened as a page would run with the host's origin. Only an absolute http(s) URL, which
 * opens without the token, is a real link. The name is always text.
 */
export function AttachmentView({ attachment }: { attachment: Attachment }) {
  const { client, warn } = useWidget();
  const t = useT();
  const image = attachment.kind === 'image';
  const { url, failed } = useAttachmentUrl(client, attachment, image);
  const size = formatFileSize(t, attachment.size);

  if (image && url) {
    return (
<img class="attachment-image" src={url} alt={t('attachment.image', { name: attachment.name })} loading="lazy" />
    );
  }
  const label = failed ? t('attachment.loadFailed', { name: attachment.name }) : t('attachment.download', { name: attachment.name, size });
  const content = (
    <>
      <Icon name={failed ? 'alert' : 'file'} />
      <span class="attachment-name" dir="auto">
        {attachment.name}
      </span>
      <span class="attachment-size">{size}</span>
      <Icon name="download" />
    </>
  );
  const direct = directUrl(attachment.url);
  if (direct) {
    return (
      <a class="attachment-file" href={direct} target="_blank" rel="noopener noreferrer" aria-label={label}>
        {content}
      </a>
    );
  }
  // Fetched by script with the session token: an action, not a place, so a button. An
  // `<a href="#">` is announced as a link, can be opened in a new tab, and jumps the page to its top.
  const download = (event: Event) => {
    const doc = (event.currentTarget as HTMLElement).ownerDocument;
    client.fetchAttachment(attachment).then(
      (blob) => downloadBlob(doc, [blob], attachment.name),
      (error: unknown) => warn(`Parley: could not download ${attachment.name} (${String(error)})`),
    );
  };
  return (
    <button type="button" class="attachment-file" onClick={download} aria-label={label}>
      {content}
    </button>
  );
}

/**
 * An absolute http(s) URL a browser can open by itself (a backend that serves files from signed
 * links, say), or null. Protocol v1's relative `/v1/files/<id>` needs the bearer token, and a
 * `blob:`, `data:` or `javascript:` URL is never a link: opened, it could run script as the host.
 */
function directUrl(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    // Relative (the usual case): only the transport's own fetch, with the token, can get it.
    return null;
  }
}
