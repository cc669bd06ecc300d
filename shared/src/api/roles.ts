/** Who may do what (DOMAIN.md "Who does what"). `display` is the public hall screen. */
export const ROLES = ['chair', 'secretariat', 'technician', 'display'] as const;
export type Role = (typeof ROLES)[number];

/** The socket.io namespace of each role; `/display` is public and read-only. */
export const NAMESPACES = {
  chair: '/chair',
  secretariat: '/secretariat',
  technician: '/technician',
  display: '/display',
} as const satisfies Record<Role, string>;
