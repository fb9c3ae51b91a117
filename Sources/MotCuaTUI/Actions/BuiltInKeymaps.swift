extension Keymap {
    /// The built-in keymaps by name (`include default`, `--keymap vi`): the text of
    /// `Sources/MotCuaTUI/Keymaps/*.keys` (the top-level `keymaps/` links there), embedded at
    /// build time so the binary needs no resource bundle beside it. One copy: edit the file.
    public static let builtInFiles: [String: String] = [
        "default": String(decoding: PackageResources.default_keys, as: UTF8.self),
        "vi": String(decoding: PackageResources.vi_keys, as: UTF8.self),
    ]
}
