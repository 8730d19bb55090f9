import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { initDb } from './data/db';
import { installZodMessages } from './ui/forms/zod-messages';
import './ui/styles.css';

installZodMessages();

const root = document.getElementById('root');
// Where the database lives (a storage bucket where the browser has them) is settled first.
await initDb();
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
