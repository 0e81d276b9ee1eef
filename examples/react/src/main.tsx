import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.js';
import './styles.css';

// StrictMode mounts, unmounts and mounts every effect again in development: the hooks here
// must (and do) leave exactly one widget and one client behind.
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
