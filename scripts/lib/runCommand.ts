/** Runs a command-line task: prints its result, or its error's message (no stack for expected refusals) and exits 1. */
export async function runCommand(task: () => Promise<string>): Promise<void> {
  try {
    console.log(await task())
    process.exit(0)
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error))
    if (process.env.DEBUG && error instanceof Error) console.error(error.stack)
    process.exit(1)
  }
}
