import type { Meta, StoryObj } from '@storybook/preact-vite';
import { useEffect, useState } from 'preact/hooks';
import { ScreenshotPreview } from '../src/ui/components/ScreenshotPreview.js';
import { ComponentFrame } from './support/ComponentFrame.js';

/** A captured frame, checked by the visitor before it is attached. */
const meta: Meta = { title: 'Components/ScreenshotPreview' };
export default meta;
type Story = StoryObj;

/** Stands in for a captured tab: a fake exchange page drawn on a canvas. */
function useFakeCapture(): Blob | null {
  const [blob, setBlob] = useState<Blob | null>(null);
  useEffect(() => {
    const canvas = Object.assign(document.createElement('canvas'), { width: 640, height: 400 });
    const ctx = canvas.getContext('2d')!;
    ctx.fillStyle = '#f4f1ea';
    ctx.fillRect(0, 0, 640, 400);
    ctx.fillStyle = '#1d2330';
    ctx.font = 'bold 32px sans-serif';
    ctx.fillText('Deposit', 32, 64);
    ctx.fillStyle = '#c53030';
    ctx.font = '20px sans-serif';
    ctx.fillText('Error 504: deposit address unavailable', 32, 120);
    canvas.toBlob(setBlob, 'image/png');
  }, []);
  return blob;
}

function Preview() {
  const blob = useFakeCapture();
  return <ScreenshotPreview blob={blob} onAttach={() => console.log('attach')} onDiscard={() => console.log('discard')} />;
}

export const Preview_: Story = {
  name: 'Preview',
  render: () => <ComponentFrame height={420} scenario={{ screen: 'chat' }} render={() => <div class="composer"><Preview /></div>} />,
};
export const Russian: Story = {
  render: () => <ComponentFrame height={420} scenario={{ screen: 'chat', locale: 'ru' }} render={() => <div class="composer"><Preview /></div>} />,
};
