import Database from 'better-sqlite3';
import { SectionExistsError, sectionKey, type Section, type SectionStore } from '../../SectionStore.ts';
import { sqliteUnitOf, type SqliteUnitOfWork } from '../SqliteUnitOfWork.ts';

interface SectionRow {
  id: number;
  name: string;
  created_at: string;
}

function toSection(row: SectionRow): Section {
  return { id: row.id, name: row.name, createdAt: row.created_at };
}

function isUnique(error: unknown): boolean {
  return error instanceof Database.SqliteError && error.code === 'SQLITE_CONSTRAINT_UNIQUE';
}

/** SectionStore on SQLite (`sections`; `name_key` is unique). */
export class SqliteSectionStore implements SectionStore {
  readonly #unit: SqliteUnitOfWork;
  readonly #list: Database.Statement<[], SectionRow>;
  readonly #insert: Database.Statement<[string, string, string], SectionRow>;
  readonly #rename: Database.Statement<[string, string, number], SectionRow>;
  readonly #remove: Database.Statement<[number]>;
  readonly #listOnly: Database.Statement<[], { list_only: number }>;
  readonly #setListOnly: Database.Statement<[number]>;

  constructor(db: Database.Database) {
    this.#unit = sqliteUnitOf(db);
    this.#list = db.prepare('SELECT id, name, created_at FROM sections ORDER BY name_key, id');
    this.#insert = db.prepare('INSERT INTO sections (name, name_key, created_at) VALUES (?, ?, ?) RETURNING id, name, created_at');
    this.#rename = db.prepare('UPDATE sections SET name = ?, name_key = ? WHERE id = ? RETURNING id, name, created_at');
    this.#remove = db.prepare('DELETE FROM sections WHERE id = ?');
    this.#listOnly = db.prepare('SELECT list_only FROM section_settings WHERE id = 1');
    this.#setListOnly = db.prepare('UPDATE section_settings SET list_only = ? WHERE id = 1');
  }

  list(): Promise<Section[]> {
    return this.#unit.run(() => this.#list.all().map(toSection));
  }

  add(name: string, at: string): Promise<Section> {
    return this.#unit.run(() => {
      try {
        return toSection(this.#insert.get(name, sectionKey(name), at)!);
      } catch (error) {
        if (isUnique(error)) throw new SectionExistsError(name);
        throw error;
      }
    });
  }

  rename(id: number, name: string): Promise<Section | null> {
    return this.#unit.run(() => {
      try {
        const row = this.#rename.get(name, sectionKey(name), id);
        return row ? toSection(row) : null;
      } catch (error) {
        if (isUnique(error)) throw new SectionExistsError(name);
        throw error;
      }
    });
  }

  remove(id: number): Promise<boolean> {
    return this.#unit.run(() => this.#remove.run(id).changes > 0);
  }

  listOnly(): Promise<boolean> {
    return this.#unit.run(() => this.#listOnly.get()?.list_only === 1);
  }

  setListOnly(on: boolean): Promise<void> {
    return this.#unit.run(() => {
      this.#setListOnly.run(on ? 1 : 0);
    });
  }
}
