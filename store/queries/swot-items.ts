import { and, asc, eq, isNull, or } from 'drizzle-orm';
import type { Database } from '../database.js';
import { type SwotQuadrant, swotItems } from '../schema/index.js';

export type SwotItem = typeof swotItems.$inferSelect;

/** A named item carries its author; an anonymous one only the hash of its edit token. */
export type ItemOwnership = { authorId: string } | { editTokenHash: string };

export async function addSwotItem(
  db: Database,
  params: {
    dialogueId: string;
    quadrant: SwotQuadrant;
    text: string;
    owner: ItemOwnership;
    now: Date;
  },
): Promise<SwotItem> {
  const [item] = await db
    .insert(swotItems)
    .values({
      dialogueId: params.dialogueId,
      quadrant: params.quadrant,
      text: params.text,
      authorId: 'authorId' in params.owner ? params.owner.authorId : null,
      editTokenHash: 'editTokenHash' in params.owner ? params.owner.editTokenHash : null,
      createdAt: params.now,
      updatedAt: params.now,
    })
    .returning();
  return item!;
}

export async function getSwotItem(
  db: Database,
  params: { itemId: string },
): Promise<SwotItem | null> {
  const [item] = await db.select().from(swotItems).where(eq(swotItems.id, params.itemId));
  return item ?? null;
}

/** Every item of a dialogue, merged ones included (they point at the item that kept them). */
export async function listSwotItems(
  db: Database,
  params: { dialogueId: string },
): Promise<SwotItem[]> {
  return db
    .select()
    .from(swotItems)
    .where(eq(swotItems.dialogueId, params.dialogueId))
    .orderBy(asc(swotItems.createdAt), asc(swotItems.id));
}

/** The shown (not merged) items one person wrote under their name. */
export async function listItemsOfAuthor(
  db: Database,
  params: { dialogueId: string; authorId: string },
): Promise<SwotItem[]> {
  return db
    .select()
    .from(swotItems)
    .where(
      and(
        eq(swotItems.dialogueId, params.dialogueId),
        eq(swotItems.authorId, params.authorId),
        isNull(swotItems.mergedIntoId),
      ),
    )
    .orderBy(asc(swotItems.createdAt), asc(swotItems.id));
}

export async function updateSwotItem(
  db: Database,
  params: { itemId: string; quadrant: SwotQuadrant; text: string; now: Date },
): Promise<void> {
  await db
    .update(swotItems)
    .set({ quadrant: params.quadrant, text: params.text, updatedAt: params.now })
    .where(eq(swotItems.id, params.itemId));
}

/**
 * Deletes an item for good (its author took it back during collect, before any vote exists).
 * Duplicates merged into it become items of their own again.
 */
export async function deleteSwotItem(db: Database, params: { itemId: string }): Promise<void> {
  await db.delete(swotItems).where(eq(swotItems.id, params.itemId));
}

/**
 * Merges item `fromId` (and whatever was merged into it before) into `intoId`, which keeps
 * its text and is shown; the others are hidden but kept.
 */
export async function mergeSwotItems(
  db: Database,
  params: { fromId: string; intoId: string; now: Date },
): Promise<void> {
  await db
    .update(swotItems)
    .set({ mergedIntoId: params.intoId, updatedAt: params.now })
    .where(or(eq(swotItems.id, params.fromId), eq(swotItems.mergedIntoId, params.fromId)));
}
