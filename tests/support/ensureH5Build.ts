// jest globalSetup of the browser journeys: the server serves dist/h5, built here when missing or stale.
import { ensureAppBuild } from './ensureBuilds'

export default function ensureH5Build() {
  ensureAppBuild('h5')
}
