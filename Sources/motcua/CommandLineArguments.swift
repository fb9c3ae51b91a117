import MotCuaCore

/// What is read from the raw arguments before the parser sees them.
enum CommandLineArguments {
    /// `--days -1` → `--days=-1`. ArgumentParser reads a word starting with `-` as an option, so
    /// `-1` became "missing value for --days" instead of reaching the model's own range check.
    /// No motcua option is a digit and no argument is a negative number standing alone, so a
    /// negative number after a long option is always that option's value. After `--` nothing
    /// is touched.
    static func joiningNegativeValues(_ args: [String]) -> [String] {
        var out: [String] = []
        var i = 0
        while i < args.count {
            let a = args[i]
            if a == "--" { out += args[i...]; break }
            if a.hasPrefix("--"), !a.contains("="), a.count > 2, i + 1 < args.count, isNegativeNumber(args[i + 1]) {
                out.append(a + "=" + args[i + 1])
                i += 2
                continue
            }
            out.append(a)
            i += 1
        }
        return out
    }

    static func isNegativeNumber(_ s: String) -> Bool {
        guard s.hasPrefix("-"), s.count > 1 else { return false }
        return s.dropFirst().allSatisfy { $0.isASCII && ($0.isNumber || $0 == "." || $0 == ",") }
            && s.dropFirst().first?.isNumber == true
    }

    /// `--lang` as given (`--lang en`, `--lang=EN`), for messages written before parsing
    /// succeeded; Vietnamese when absent or not understood, as for the commands themselves.
    static func language(_ args: [String]) -> Language {
        var value: String?
        for (i, a) in args.enumerated() {
            if a == "--" { break }
            if a == "--lang", i + 1 < args.count { value = args[i + 1] }
            if a.hasPrefix("--lang=") { value = String(a.dropFirst("--lang=".count)) }
        }
        return value.flatMap { Language(rawValue: $0.lowercased()) } ?? .vi
    }
}
