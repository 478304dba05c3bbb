"use client";

// The app's own Thai face: this page replaces the root layout, so it loads the font itself.
import "@fontsource-variable/noto-sans-thai";

/**
 * The last resort, when even the root layout failed (so no translations are loaded): the
 * message in both languages, and a way to try again.
 */
export default function GlobalError({
  error,
  retry,
}: {
  error: Error & { digest?: string };
  retry: () => void;
}) {
  return (
    <html lang="th">
      <body
        style={{
          fontFamily: '"Noto Sans Thai Variable", system-ui, sans-serif',
          padding: "3rem",
          textAlign: "center",
        }}
      >
        <p>500{error.digest ? ` · ${error.digest}` : ""}</p>
        <h1>ไม่สามารถแสดงหน้านี้ได้ · This page could not be shown</h1>
        <p>ระบบบันทึกข้อผิดพลาดไว้แล้ว ลองอีกครั้ง · It has been logged; please try again.</p>
        <button type="button" onClick={() => retry()}>
          ลองอีกครั้ง · Try again
        </button>
      </body>
    </html>
  );
}
