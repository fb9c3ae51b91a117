import ArgumentParser
import Foundation

extension Motcua {
    /// The entry point: ArgumentParser's own, but with its English parse errors said in the
    /// user's language (`ParserMessage`), and with negative numbers accepted as option values.
    static func main() {
        // A write past `ulimit -f` then fails as an error SQLite reports (and the clerk reads),
        // instead of the kernel killing the program mid-transaction.
        signal(SIGXFSZ, SIG_IGN)
        let arguments = CommandLineArguments.joiningNegativeValues(Array(CommandLine.arguments.dropFirst()))
        let language = CommandLineArguments.language(arguments)
        var command: any ParsableCommand
        do {
            command = try parseAsRoot(arguments)
        } catch {
            // Help and --version are not errors (exit 0); the rest is the parser's English.
            if exitCode(for: error) != .validationFailure { exit(withError: error) }
            let text = ParserMessage.translate(fullMessage(for: error), to: language)
            FileHandle.standardError.write(Data((text + "\n").utf8))
            Foundation.exit(ExitCode.validationFailure.rawValue)
        }
        do {
            try command.run()
        } catch {
            exit(withError: error)
        }
    }
}
