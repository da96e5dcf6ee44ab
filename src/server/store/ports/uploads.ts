// The photos of the self-hosted mode, kept in the database with the cases (one thing to back up).
// Only the PostgreSQL store has them: in the cloud, photos go to cloud storage.

/** a photo kept by the hall's own server until it is attached to a case (and then with the case) */
export interface Upload {
  id: string
  hallId: string
  /** the citizen who uploaded it */
  ownerId: string
  mime: string
  size: number
  createdAt: string
  /** the case (or complaint, `k_…`) it was first attached to */
  caseId: string | null
}

export interface UploadStore {
  putUpload(upload: Upload, bytes: Uint8Array): Promise<void>
  getUpload(id: string): Promise<{ upload: Upload; bytes: Uint8Array } | null>
  listUploads(ids: string[]): Promise<Upload[]>
  /** marks the uploads as attached to the case; one already attached keeps its first case */
  linkUploads(ids: string[], caseId: string): Promise<void>
  /** lets go of uploads attached to this owner (a replaced staff photo), so the purge deletes them */
  releaseUploads(ids: string[], caseId: string): Promise<void>
  /** how many uploads the citizen made since the time */
  countUploads(ownerId: string, since: string): Promise<number>
  /** deletes the uploads never attached to a case and older than the time; returns how many */
  purgeUploads(before: string): Promise<number>
}
