import type { Attachment } from '../../core/index.js';
import { useAttachmentUrl } from '../hooks/useAttachmentUrl.js';
import { useT } from '../hooks/useT.js';
import { useWidget } from '../WidgetContext.js';
import { Icon } from './Icon.js';

/**
 * An attachment in a message. Images the server verified show inline; every other file is a
 * download link, fetched with the session token only when clicked and saved (never opened in a
 * tab), because a blob URL opened as a page would run with the host's origin.
 */
export function AttachmentView({ attachment }: { attachment: Attachment }) {
  const { client, warn } = useWidget();
  const t = useT();
  const image = attachment.kind === 'image';
  const { url, failed } = useAttachmentUrl(client, attachment, image);

  if (image && url) {
    return <img class="attachment-image" src={url} alt={t('attachment.image', { name: attachment.name })} loading="lazy" />;
  }
  const download = (event: Event) => {
    event.preventDefault();
    const doc = (event.currentTarget as HTMLElement).ownerDocument;
    client.fetchAttachment(attachment).then(
      (blob) => {
        const href = URL.createObjectURL(new Blob([blob], { type: 'application/octet-stream' }));
        const link = Object.assign(doc.createElement('a'), { href, download: attachment.name, rel: 'noopener' });
        link.click();
        setTimeout(() => URL.revokeObjectURL(href), 10_000);
      },
      (error: unknown) => warn(`Parley: could not download ${attachment.name} (${String(error)})`),
    );
  };
  return (
    <a class="attachment-file" href="#" onClick={download} aria-label={t(failed ? 'attachment.loadFailed' : 'attachment.open', { name: attachment.name })}>
      <Icon name="file" />
      <span dir="auto">{attachment.name}</span>
    </a>
  );
}
