/**
 * The page's only script, and a small one: importing early-start opens the API connection and asks
 * for the first data at once, while the app itself (React, Mantine, the pages) is fetched and
 * compiled — Vite preloads main's chunks in parallel when this import starts.
 */
import './app/early-start';

void import('./main');
