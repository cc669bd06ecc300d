import type { Session } from '../lib/endpoints';

/** The sitting's title and its agenda items (报告机关：事项). */
export function AgendaList({ session }: { session: Session }) {
  return (
    <>
      <p>{session.title}</p>
      <ol>
        {session.items.map((i) => (
          <li key={i.itemId}>
            {i.organ}：{i.title}
          </li>
        ))}
      </ol>
    </>
  );
}
