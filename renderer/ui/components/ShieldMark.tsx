/** The Bulwark mark (the same shield as assets/icon.svg), drawn inline so it follows the theme. */
export function ShieldMark({ size = 28 }: { readonly size?: number }) {
  return (
    <svg
      className="shield-mark"
      width={size}
      height={size}
      viewBox="0 0 64 64"
      aria-hidden="true"
      focusable="false"
    >
      <path
        className="shield-mark__body"
        d="M32 5 10 13v16c0 14.2 9.3 25.6 22 30 12.7-4.4 22-15.8 22-30V13L32 5Z"
      />
      <path className="shield-mark__half" d="M32 5v54c12.7-4.4 22-15.8 22-30V13L32 5Z" />
      <path className="shield-mark__check" d="m22 32 7 7 14-15" />
    </svg>
  );
}
