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
        // A first word that is no command and no option (`motcua frobnicate`) would reach the
        // default command, the desk, as a stray argument: say it is not a command, and list them.
        let commandNames: [String] = configuration.subcommands.map { sub in sub._commandName }
        if let first = arguments.first, !first.hasPrefix("-"), first != "help", !commandNames.contains(first) {
            let names = commandNames.joined(separator: ", ")
            let text = language == .en ? "Error: '\(first)' is not a motcua command; the commands are: \(names) (motcua --help)"
                                       : "Lỗi: '\(first)' không phải lệnh của motcua; các lệnh là: \(names) (motcua --help)"
            FileHandle.standardError.write(Data((text + "\n").utf8))
            Foundation.exit(ExitCode.validationFailure.rawValue)
        }
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
