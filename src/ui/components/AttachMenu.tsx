import { useStore } from '@nanostores/preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { useMenu } from '../hooks/useMenu.js';
import { useT } from '../hooks/useT.js';
import { useWidget } from '../WidgetContext.js';
import { Icon } from './Icon.js';

interface Props {
  disabled: boolean;
  onChooseFiles: () => void;
  onScreenshot: () => void;
}

/**
 * The paper clip. Where the desk allows screenshots and the browser can capture the screen it
 * opens a menu (choose files, capture a screenshot); elsewhere it opens the file picker at once,
 * since a menu of one item is a step for nothing.
 */
export function AttachMenu({ disabled, onChooseFiles, onScreenshot }: Props) {
  const { client } = useWidget();
  const t = useT();
  const config = useStore(client.$config);
  const menu = useMenu('parley-attach-menu');
  const probe = useRef<HTMLSpanElement>(null);
  const [canCapture, setCanCapture] = useState(false);
  useEffect(() => {
    const win = probe.current?.ownerDocument.defaultView;
    setCanCapture(typeof win?.navigator.mediaDevices?.getDisplayMedia === 'function');
  }, []);

  if (!config?.features.screenshots || !canCapture) {
    return (
      <button type="button" class="icon-button" aria-label={t('composer.attach')} disabled={disabled} onClick={onChooseFiles}>
        <span ref={probe} hidden />
        <Icon name="attach" />
      </button>
    );
  }
  const choose = (action: () => void) => () => {
    menu.close();
    action();
  };
  return (
    <>
      <button {...menu.buttonProps} class="icon-button" aria-label={t('upload.menu')} disabled={disabled}>
        <Icon name="attach" />
      </button>
      <div {...menu.menuProps} class="menu" aria-label={t('upload.menu')}>
        <button type="button" role="menuitem" class="menu-item" tabIndex={-1} onClick={choose(onChooseFiles)}>
          <span>{t('upload.chooseFiles')}</span>
          <Icon name="file" />
        </button>
        <button type="button" role="menuitem" class="menu-item" tabIndex={-1} onClick={choose(onScreenshot)}>
          <span>{t('upload.screenshot')}</span>
          <Icon name="camera" />
        </button>
      </div>
    </>
  );
}
