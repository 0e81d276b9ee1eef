import type { Meta, StoryObj } from '@storybook/preact-vite';
import { HttpError } from '../src/core/index.js';
import { Composer } from '../src/ui/components/Composer.js';
import { ComponentFrame } from './support/ComponentFrame.js';
import type { StoryEnv, StoryScenario } from './support/createStoryEnv.js';

/** The composer's upload chips in each state a visitor meets. */
const meta: Meta = { title: 'Components/AttachmentTray' };
export default meta;
type Story = StoryObj;

/** A small striped PNG, drawn on a canvas, so previews show a real image. */
function pngFile(name: string): Promise<File> {
  const canvas = Object.assign(document.createElement('canvas'), { width: 64, height: 40 });
  const ctx = canvas.getContext('2d')!;
  ctx.fillStyle = '#4338ca';
  ctx.fillRect(0, 0, 64, 40);
  ctx.fillStyle = '#fbbf24';
  ctx.fillRect(8, 8, 24, 24);
  return new Promise((resolve) => canvas.toBlob((blob) => resolve(new File([blob!], name, { type: 'image/png' })), 'image/png'));
}
const pdf = (name: string, size = 48_000) => new File([new Uint8Array(size)], name, { type: 'application/pdf' });

const tray = (scenario: StoryScenario, files: (env: StoryEnv) => Promise<File[]> | File[]) => (
  <ComponentFrame
    height={360}
    scenario={{
      screen: 'chat',
      ...scenario,
      play: async (env) => {
        await new Promise((resolve) => setTimeout(resolve, 100));
        env.uploads.add(await files(env));
      },
    }}
    render={() => (
      <>
        <div style={{ flex: 1 }} />
        <Composer />
      </>
    )}
  />
);

// Uploads that stop part-way (and stay there), so the progress bars can be looked at.
const stalledUploads = ({ client }: StoryEnv) => {
  let n = 0;
  client.transport.upload = (file, _name, options = {}) =>
    new Promise((_resolve, reject) => {
      options.onProgress?.(file.size * (++n === 1 ? 0.35 : 0.7), file.size);
      options.signal?.addEventListener('abort', () => reject(new DOMException('Upload cancelled', 'AbortError')));
    });
};

export const UploadProgress: Story = {
  render: () =>
    tray({}, async (env) => {
      stalledUploads(env);
      return [await pngFile('screenshot.png'), pdf('statement.pdf', 2_400_000)];
    }),
};

export const ReadyWithPreview: Story = {
  render: () => tray({}, async () => [await pngFile('receipt.png'), pdf('statement.pdf')]),
};

export const RefusedFiles: Story = {
  render: () =>
    tray({ transport: { config: { uploads: { maxFiles: 2 } } } }, () => [
      new File(['MZ'], 'report.exe', { type: 'application/x-msdownload' }),
      new File([new Uint8Array(11 * 1024 * 1024)], 'video.png', { type: 'image/png' }),
      pdf('one.pdf'),
      pdf('two.pdf'),
      pdf('three.pdf'),
    ]),
};

export const FailedUpload: Story = {
  render: () =>
    tray({ transport: { fail: (op) => (op === 'upload' ? new HttpError(503, 'unavailable', 'story: uploads are down') : null) } }, () => [pdf('statement.pdf')]),
};

export const InterruptedByReload: Story = {
  render: () => (
    <ComponentFrame
      height={300}
      scenario={{
        screen: 'chat',
        play: ({ client }) =>
          client.$draftUploads.set([{ id: 'u_story', name: 'bank-statement.pdf', size: 240_000, type: 'application/pdf', state: 'uploading' }]),
      }}
      render={() => (
        <>
          <div style={{ flex: 1 }} />
          <Composer />
        </>
      )}
    />
  ),
};

export const SecretInFileName: Story = {
  render: () =>
    tray({}, () => [new File(['x'], 'abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about.txt', { type: 'text/plain' })]),
};

export const Russian: Story = {
  render: () =>
    tray({ locale: 'ru' }, () => [new File(['MZ'], 'report.exe', { type: 'application/x-msdownload' }), pdf('выписка.pdf')]),
};
