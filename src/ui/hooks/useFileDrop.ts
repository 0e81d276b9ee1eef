import { useRef, useState } from 'preact/hooks';

const carriesFiles = (event: DragEvent) => !!event.dataTransfer && Array.from(event.dataTransfer.types).includes('Files');

/**
 * Drag and drop of files onto an element. `dragging` is true while files are over it; the
 * enter/leave count is kept because every child the pointer crosses fires its own pair. Drags
 * of text or links are left to the browser. The handler names are lower case so that Preact
 * binds `dragenter` even where the element has no `ondragenter` property (happy-dom).
 */
export function useFileDrop(enabled: boolean, onFiles: (files: File[]) => void) {
  const [dragging, setDragging] = useState(false);
  const depth = useRef(0);
  if (!enabled) return { dragging: false, handlers: {} };
  return {
    dragging,
    handlers: {
      ondragenter(event: DragEvent) {
        if (!carriesFiles(event)) return;
        event.preventDefault();
        depth.current += 1;
        setDragging(true);
      },
      ondragover(event: DragEvent) {
        if (!carriesFiles(event)) return;
        // Without preventDefault the browser refuses the drop (and would open the file instead).
        event.preventDefault();
        event.dataTransfer!.dropEffect = 'copy';
      },
      ondragleave(event: DragEvent) {
        if (!carriesFiles(event)) return;
        depth.current = Math.max(0, depth.current - 1);
        if (depth.current === 0) setDragging(false);
      },
      ondrop(event: DragEvent) {
        if (!carriesFiles(event)) return;
        event.preventDefault();
        depth.current = 0;
        setDragging(false);
        onFiles(Array.from(event.dataTransfer!.files));
      },
    },
  };
}
