/**
 * Heading and claim permalinks ("#" beside each h2/h3, Heading.astro; "#"
 * beside each claim, Claim.astro) also copy their URL when clicked, and say
 * so in a live region; the link still moves to its anchor, and without
 * JavaScript or a clipboard it is a plain link. A claim's "Copy link" button
 * (`button[data-copy-link]`, hidden until a clipboard exists) copies the same
 * URL and reports in the claim's own status line.
 */
const live = document.createElement('p');
live.className = 'visually-hidden';
live.setAttribute('role', 'status');

document.addEventListener('click', (e) => {
  const a = (e.target as Element | null)?.closest?.('a.heading-anchor, a.claim-permalink') as HTMLAnchorElement | null;
  if (!a || !navigator.clipboard || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
  if (!live.isConnected) document.body.append(live);
  navigator.clipboard.writeText(a.href).then(
    () => { live.textContent = `Link copied: ${a.href}`; a.dataset.copied = ''; },
    () => { live.textContent = ''; },
  );
  setTimeout(() => { delete a.dataset.copied; live.textContent = ''; }, 2500);
});

/** Buttons naming an anchor in data-copy-link (Claim.astro): shown only where the clipboard API exists. */
function wireCopyButtons(): void {
  if (!navigator.clipboard) return;
  for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-copy-link]')) {
    if (!button.hidden) continue;
    button.hidden = false;
    button.addEventListener('click', async () => {
      const url = new URL(`#${button.dataset.copyLink}`, location.href).href;
      const status = button.parentElement?.querySelector('.claim-copied');
      try {
        await navigator.clipboard.writeText(url);
        if (status) status.textContent = 'Link copied';
      } catch {
        if (status) status.textContent = `Copy failed; the link is ${url}`;
      }
      setTimeout(() => { if (status) status.textContent = ''; }, 4000);
    });
  }
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', wireCopyButtons);
else wireCopyButtons();

export {};
