import { Route, Routes } from 'react-router-dom';
import { ConformancePage } from '../ConformancePage';
import { LibraryPage } from '../LibraryPage';
import { ReaderPage } from '../ReaderPage';

/** Everything under the plugin's mount point: the library, the reader and conformance. */
export function GuidanceRouter() {
  return (
    <Routes>
      <Route path="/" element={<LibraryPage />} />
      <Route path="/conformance" element={<ConformancePage />} />
      <Route path="/:id" element={<ReaderPage />} />
    </Routes>
  );
}
