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
 * download link, fetched only when clicked and saved (never opened in a tab), because a blob URL
 * opened as a page would run with the host's origin. The name is always text.
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
  const download = (event: Event) => {
    event.preventDefault();
    const doc = (event.currentTarget as HTMLElement).ownerDocument;
    client.fetchAttachment(attachment).then(
      (blob) => downloadBlob(doc, [blob], attachment.name),
      (error: unknown) => warn(`Parley: could not download ${attachment.name} (${String(error)})`),
    );
  };
  return (
    <a
      class="attachment-file"
      href="#"
      onClick={download}
      aria-label={failed ? t('attachment.loadFailed', { name: attachment.name }) : t('attachment.download', { name: attachment.name, size })}
    >
      <Icon name={failed ? 'alert' : 'file'} />
      <span class="attachment-name" dir="auto">
        {attachment.name}
      </span>
      <span class="attachment-size">{size}</span>
      <Icon name="download" />
    </a>
  );
}
