/**
 * Heading and claim permalinks ("#" beside each h2/h3, Heading.astro; "#"
 * beside each claim, Claim.astro) also copy their URL when clicked, and say
 * so in a live region; the link still moves to its anchor, and without
 * JavaScript or a clipboard it is a plain link.
 */
const status = document.createElement('p');
status.className = 'visually-hidden';
status.setAttribute('role', 'status');

document.addEventListener('click', (e) => {
  const a = (e.target as Element | null)?.closest?.('a.heading-anchor, a.claim-permalink') as HTMLAnchorElement | null;
  if (!a || !navigator.clipboard || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
  if (!status.isConnected) document.body.append(status);
  navigator.clipboard.writeText(a.href).then(
    () => { status.textContent = `Link copied: ${a.href}`; a.dataset.copied = ''; },
    () => { status.textContent = ''; },
  );
  setTimeout(() => { delete a.dataset.copied; status.textContent = ''; }, 2500);
});
