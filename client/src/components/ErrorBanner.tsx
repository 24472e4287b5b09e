/** What went wrong, as the server or the app said it, in the app's one error banner (nothing when there is no error). */
export function ErrorBanner({ error }: { error: string | null }) {
  if (!error) return null;
  return (
    <p className="banner banner-error" role="alert">
      {error}
    </p>
  );
}
