import Foundation
import MotCuaCore

extension Keymap {
    /// Loads a user's keymap file on top of the built-in default (tig style: the user's file
    /// only says what differs; `include vi` pulls in a built-in one). `include NAME` looks for
    /// the built-ins first, then `NAME` or `NAME.keys` next to the including file. Problems come
    /// back as diagnostics and the rest still applies; an unreadable file leaves the default.
    public static func load(path: String, base: Keymap = .standard) -> (Keymap, [KeymapDiagnostic]) {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            return (base, [KeymapDiagnostic(file: path, line: 0,
                                            message: Localized(vi: "không đọc được tệp", en: "cannot read the file"))])
        }
        var parser = KeymapParser(keymap: base, resolve: { name, from in
            let dir = (from as NSString).deletingLastPathComponent
            for candidate in [name, name + ".keys"] {
                let p = name.hasPrefix("/") ? candidate : (dir as NSString).appendingPathComponent(candidate)
                if let t = try? String(contentsOfFile: p, encoding: .utf8) { return (file: p, text: t) }
            }
            return nil
        })
        parser.parse(text, file: path)
        return (parser.keymap, parser.diagnostics)
    }
}
