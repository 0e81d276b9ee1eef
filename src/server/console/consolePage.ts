/**
 * The console's HTML shell. It holds no inline script or style (the page's CSP forbids both);
 * `/console/app.js` builds the interface. The boot note stays visible if the script is missing.
 */
export function consolePage(): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>Parley console</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/console/app.css">
<script src="/console/app.js" defer></script>
</head>
<body>
<main id="parley-console" class="console">
<p class="boot" id="parley-boot">Loading the console… If this message stays, the console script is missing: run <code>npm run build</code> and reload.</p>
</main>
</body>
</html>
`;
}
