/**
 * The app icon (resources/icons/twinlab.svg) drawn inline: two overlapping panes, a container
 * (left, filled) and a VM (right, framed). Decorative: the app name is written next to it.
 */
export function LogoMark({ size = 28 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 256 256" aria-hidden="true" focusable="false">
      <rect width="256" height="256" rx="56" fill="#1c7ed6" />
      <rect x="40" y="64" width="104" height="128" rx="18" fill="#e7f5ff" />
      <rect x="112" y="48" width="104" height="128" rx="18" fill="none" stroke="#ffffff" strokeWidth="14" />
      <rect x="58" y="92" width="50" height="10" rx="5" fill="#1c7ed6" />
      <rect x="58" y="114" width="34" height="10" rx="5" fill="#1c7ed6" />
      <rect x="130" y="190" width="68" height="14" rx="7" fill="#ffffff" />
    </svg>
  );
}
