import { SectionExistsError, sectionKey, type Section, type SectionStore } from '../../SectionStore.ts';
import type { PostgresUnitOfWork } from '../PostgresUnitOfWork.ts';

interface SectionRow {
  /** bigint: the driver answers a string. */
  id: string;
  name: string;
  created_at: Date;
}

function toSection(row: SectionRow): Section {
  return { id: Number(row.id), name: row.name, createdAt: row.created_at.toISOString() };
}

function isUnique(error: unknown): boolean {
  return (error as { code?: string } | null)?.code === '23505';
}

/** SectionStore on PostgreSQL (`sections`; `name_key` is unique, so of two servers adding one name, one wins). */
export class PostgresSectionStore implements SectionStore {
  readonly #unit: PostgresUnitOfWork;

  constructor(unit: PostgresUnitOfWork) {
    this.#unit = unit;
  }

  async list(): Promise<Section[]> {
    const { rows } = await this.#unit.query<SectionRow>('SELECT id, name, created_at FROM sections ORDER BY name_key COLLATE "C", id');
    return rows.map(toSection);
  }

  async add(name: string, at: string): Promise<Section> {
    try {
      const { rows } = await this.#unit.query<SectionRow>(
        'INSERT INTO sections (name, name_key, created_at) VALUES ($1, $2, $3) RETURNING id, name, created_at',
        [name, sectionKey(name), at],
      );
      return toSection(rows[0]!);
    } catch (error) {
      if (isUnique(error)) throw new SectionExistsError(name);
      throw error;
    }
  }

  async rename(id: number, name: string): Promise<Section | null> {
    try {
      const { rows } = await this.#unit.query<SectionRow>(
        'UPDATE sections SET name = $1, name_key = $2 WHERE id = $3 RETURNING id, name, created_at',
        [name, sectionKey(name), id],
      );
      return rows[0] ? toSection(rows[0]) : null;
    } catch (error) {
      if (isUnique(error)) throw new SectionExistsError(name);
      throw error;
    }
  }

  async remove(id: number): Promise<boolean> {
    const { rowCount } = await this.#unit.query('DELETE FROM sections WHERE id = $1', [id]);
    return (rowCount ?? 0) > 0;
  }

  async listOnly(): Promise<boolean> {
    const { rows } = await this.#unit.query<{ list_only: boolean }>('SELECT list_only FROM section_settings WHERE id = 1');
    return rows[0]?.list_only === true;
  }

  async setListOnly(on: boolean): Promise<void> {
    await this.#unit.query('UPDATE section_settings SET list_only = $1 WHERE id = 1', [on]);
  }
}
