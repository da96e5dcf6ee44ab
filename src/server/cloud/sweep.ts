// The `sweep` cloud function, on a timer trigger every 5 minutes (its config.json). It will find the
// clocks due for a reminder or a breach through the nextDueAt index and act on them; until that
// capability ships it only reports that it ran.
export async function main() {
  return { ok: true, swept: 0 }
}
