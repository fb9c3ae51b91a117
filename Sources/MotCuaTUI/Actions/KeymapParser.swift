import MotCuaCore

/// Reads keymap files: `bind <context> <key> <action>`, `unbind <context> <key>`,
/// `include NAME`, comments from `#`. A bad line becomes a diagnostic naming `file:line`; the
/// rest of the file still applies (tig style). Pure: files are found through `resolve`.
public struct KeymapParser {
    /// Finds the text of an included keymap: given the NAME and the including file's name,
    /// returns the included file's display name and text, or nil when there is none.
    public typealias Resolver = (_ name: String, _ from: String) -> (file: String, text: String)?

    public private(set) var keymap: Keymap
    public private(set) var diagnostics: [KeymapDiagnostic] = []
    private let resolve: Resolver
    private var includeStack: [String] = []

    /// Deepest include nesting accepted.
    public static let maxIncludeDepth = 8

    /// Starts from `keymap` (empty by default); `include` looks up built-in keymaps
    /// (`default`, `vi`) and then asks `resolve`.
    public init(keymap: Keymap = Keymap(), resolve: @escaping Resolver = { _, _ in nil }) {
        self.keymap = keymap
        self.resolve = resolve
    }

    /// Applies every line of `text` (from `file`, for diagnostics) to the keymap.
    public mutating func parse(_ text: String, file: String) {
        includeStack.append(file)
        defer { includeStack.removeLast() }
        var lineNumber = 0
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            parseLine(String(rawLine), file: file, line: lineNumber)
        }
    }

    private mutating func error(_ file: String, _ line: Int, vi: String, en: String) {
        diagnostics.append(KeymapDiagnostic(file: file, line: line, message: Localized(vi: vi, en: en)))
    }

    private mutating func parseLine(_ text: String, file: String, line: Int) {
        var words: [String] = []
        for w in text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" }) {
            if w.hasPrefix("#") && !(words.count == 2 && words.first == "bind") && !(words.count == 2 && words.first == "unbind") {
                break // a comment (but `#` in the key position is the key itself)
            }
            words.append(String(w))
        }
        guard let command = words.first else { return }
        switch command {
        case "bind":
            guard words.count == 4 else {
                error(file, line, vi: "cần đúng dạng: bind <ngữ cảnh> <phím> <lệnh>",
                      en: "expected: bind <context> <key> <action>")
                return
            }
            guard let ctx = context(words[1], file, line), let key = key(words[2], file, line) else { return }
            guard let action = Action(rawValue: words[3]) else {
                error(file, line, vi: "không có lệnh '\(words[3])'", en: "unknown action '\(words[3])'")
                return
            }
            keymap.bind(key, to: action, in: ctx)
        case "unbind":
            guard words.count == 3 else {
                error(file, line, vi: "cần đúng dạng: unbind <ngữ cảnh> <phím>", en: "expected: unbind <context> <key>")
                return
            }
            guard let ctx = context(words[1], file, line), let key = key(words[2], file, line) else { return }
            keymap.unbind(key, in: ctx)
        case "include":
            guard words.count == 2 else {
                error(file, line, vi: "cần đúng dạng: include <tên>", en: "expected: include <name>")
                return
            }
            include(words[1], file: file, line: line)
        default:
            error(file, line, vi: "không hiểu '\(command)' (dùng bind, unbind, include)",
                  en: "unknown command '\(command)' (use bind, unbind, include)")
        }
    }

    private mutating func context(_ word: String, _ file: String, _ line: Int) -> KeyContext? {
        if let c = KeyContext(rawValue: word) { return c }
        let all = KeyContext.allCases.map(\.rawValue).joined(separator: ", ")
        error(file, line, vi: "không có ngữ cảnh '\(word)' (có: \(all))", en: "unknown context '\(word)' (one of: \(all))")
        return nil
    }

    private mutating func key(_ word: String, _ file: String, _ line: Int) -> Key? {
        if let k = Key(name: word) { return k }
        error(file, line, vi: "tên phím không hợp lệ '\(word)'", en: "invalid key name '\(word)'")
        return nil
    }

    private mutating func include(_ name: String, file: String, line: Int) {
        let found: (file: String, text: String)?
        if let builtIn = Keymap.builtInFiles[name] {
            found = (file: "keymaps/\(name).keys", text: builtIn)
        } else {
            found = resolve(name, file)
        }
        guard let (incFile, incText) = found else {
            error(file, line, vi: "không tìm thấy keymap '\(name)'", en: "keymap '\(name)' not found")
            return
        }
        guard !includeStack.contains(incFile) else {
            error(file, line, vi: "include vòng lặp: '\(name)'", en: "include cycle: '\(name)'")
            return
        }
        guard includeStack.count < KeymapParser.maxIncludeDepth else {
            error(file, line, vi: "include lồng quá sâu", en: "includes nested too deep")
            return
        }
        parse(incText, file: incFile)
    }
}

extension Keymap {
    /// The built-in keymap (`keymaps/default.keys`), parsed by the same parser as user files.
    public static let standard: Keymap = {
        var p = KeymapParser()
        p.parse(builtInFiles["default"] ?? "", file: "keymaps/default.keys")
        return p.keymap
    }()

    /// Parses a user's keymap on top of nothing (it usually starts with `include default`),
    /// returning the keymap and any diagnostics. Includes other than the built-ins are found
    /// through `resolve`.
    public static func parse(_ text: String, file: String,
                             resolve: @escaping KeymapParser.Resolver = { _, _ in nil }) -> (Keymap, [KeymapDiagnostic]) {
        var p = KeymapParser(resolve: resolve)
        p.parse(text, file: file)
        return (p.keymap, p.diagnostics)
    }
}
