/**
 * One frame of a screen, window or tab the visitor picks, as a PNG. Chrome offers the current
 * tab first with `preferCurrentTab`, and `selfBrowserSurface: 'include'` keeps it in the list
 * (Chrome 112+ hides it by default). The stream stops as soon as the frame is drawn, so the
 * browser's "sharing" indicator goes away at once. Rejects with the browser's `NotAllowedError`
 * when the visitor cancels the picker.
 */
export async function captureScreenshot(win: Window): Promise<Blob> {
  const options = { video: true, audio: false, preferCurrentTab: true, selfBrowserSurface: 'include' };
  const stream = await win.navigator.mediaDevices.getDisplayMedia(options as DisplayMediaStreamOptions);
  try {
    const video = win.document.createElement('video');
    video.muted = true;
    video.playsInline = true;
    video.srcObject = stream;
    await video.play();
    // The first frame can be black while the capture warms up; wait for one that was painted.
    await new Promise<void>((resolve) => {
      if ('requestVideoFrameCallback' in video) video.requestVideoFrameCallback(() => resolve());
      else win.setTimeout(resolve, 150);
    });
    const canvas = win.document.createElement('canvas');
    canvas.width = video.videoWidth;
    canvas.height = video.videoHeight;
    canvas.getContext('2d')?.drawImage(video, 0, 0);
    video.srcObject = null;
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('Parley: the screenshot could not be encoded'))), 'image/png'),
    );
  } finally {
    for (const track of stream.getTracks()) track.stop();
  }
}

