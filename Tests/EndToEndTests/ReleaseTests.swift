import Foundation
import Testing

/// The release's pieces that are cheap to check (issue 11, "Release for old PCs"): the man page
/// against the program's own help, the tarball's list from `scripts/release --dry-run`, and
/// `install.sh` on a stub tree. The release build itself (static stdlib, minutes) is not run here:
/// `scripts/release --check` does it by hand.
@Suite struct ReleaseTests {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    static func read(_ relative: String) throws -> String {
        try String(contentsOfFile: root + "/" + relative, encoding: .utf8)
    }

    /// The names under `SUBCOMMANDS:` in an argument-parser help text (`desk (default)` → `desk`).
    static func subcommands(inHelp help: String) -> [String] {
        var names: [String] = []
        var inSection = false
        for line in help.split(separator: "\n", omittingEmptySubsequences: false) {
            if line == "SUBCOMMANDS:" { inSection = true; continue }
            guard inSection else { continue }
            if line.isEmpty { break }
            // An entry starts two spaces in; its description's continuation lines are indented more.
            if line.hasPrefix("  "), !line.hasPrefix("   "), let name = line.split(separator: " ").first {
                names.append(String(name))
            }
        }
        return names
    }

    /// The man page's `.TP` headings as plain text: `queue serve|recall|… TICKET`.
    static func manHeadings() throws -> [String] {
        let lines = try read("docs/motcua.1").split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var headings: [String] = []
        for (i, line) in lines.enumerated() where line == ".TP" && i + 1 < lines.count {
            var h = lines[i + 1]
            for prefix in [".B ", ".BR ", ".BI "] where h.hasPrefix(prefix) { h.removeFirst(prefix.count) }
            for escape in ["\\fB", "\\fR", "\\fI", "\\&"] { h = h.replacingOccurrences(of: escape, with: "") }
            headings.append(h.replacingOccurrences(of: "\\-", with: "-"))
        }
        return headings
    }

    @Test func theManPageHasAnEntryForEverySubcommandTheHelpLists() throws {
        let top = try MotcuaProcess.run(["--help"])
        #expect(top.status == 0)
        let commands = Self.subcommands(inHelp: top.stdout)
        #expect(commands.count >= 16 && commands.contains("desk") && commands.contains("display"), "\(commands)")
        let headings = try Self.manHeadings()
        for command in commands {
            // Every heading that documents `command …`, split into words at spaces, |, ; and ,.
            let entries = headings.filter { $0.split(separator: " ").first.map(String.init) == command }
            #expect(!entries.isEmpty, "docs/motcua.1 has no .TP entry for `motcua \(command)`")
            let words = Set(entries.flatMap { $0.split(whereSeparator: { " |;,".contains($0) }).map(String.init) })
            let sub = try MotcuaProcess.run([command, "--help"])
            #expect(sub.status == 0, "\(command): \(sub.stderr)")
            for nested in Self.subcommands(inHelp: sub.stdout) {
                #expect(words.contains(nested), "docs/motcua.1 does not name `motcua \(command) \(nested)`")
            }
        }
    }

    @Test func theManPageNamesFilesEnvironmentAndExitCodes() throws {
        let man = try Self.read("docs/motcua.1").replacingOccurrences(of: "\\-", with: "-")
        for section in ["SYNOPSIS", "FILES", "ENVIRONMENT", "EXIT STATUS", "EXAMPLES"] {
            #expect(man.contains(".SH \(section)"), "no section \(section)")
        }
        for word in ["MOTCUA_DB", "XDG_DATA_HOME", "calendar.txt", "slips/", "call-lists/", "keymaps/", "--version"] {
            #expect(man.contains(word), "docs/motcua.1 does not mention \(word)")
        }
        // The exit codes the README documents, each as a .TP entry.
        for code in ["0", "1", "2", "3", "4", "64"] {
            #expect(man.contains(".TP\n.B \(code)\n"), "no exit code \(code)")
        }
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/groff")))
    func theManPageRendersWithoutWarnings() throws {
        let r = try MotcuaProcess.run(executable: "/usr/bin/groff", ["-man", "-Tutf8", "-ww", "-z", Self.root + "/docs/motcua.1"])
        #expect(r.status == 0)
        #expect(r.stderr.isEmpty, "\(r.stderr)")
    }

    @Test func versionHasOneSourceAndTheDryRunNamesTheTarball() throws {
        let version = try MotcuaProcess.run(["--version"])
        #expect(version.status == 0)
        let v = version.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(!v.isEmpty && v.first!.isNumber, "\(v)")
        // The number is written once; the man page leaves it to the release script.
        #expect(!(try Self.read("docs/motcua.1")).contains(v))
        let dry = try MotcuaProcess.run(executable: "/bin/bash", [Self.root + "/scripts/release", "--dry-run"])
        #expect(dry.status == 0, "\(dry.stderr)")
        let lines = dry.stdout.split(separator: "\n").map(String.init)
        var arch = utsname()
        uname(&arch)
        let machine = withUnsafeBytes(of: &arch.machine) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        let name = "motcua-\(v)-linux-\(machine)"
        #expect(lines.first == "version \(v)")
        #expect(lines.dropFirst().first == "tarball \(name).tar.gz")
        let files = Set(lines.dropFirst(2))
        var expected: Set<String> = ["install.sh", "bin/motcua", "share/man/man1/motcua.1",
                                     "share/doc/motcua/huong-dan-cai-dat.md", "share/doc/motcua/README.md"]
        // Every built-in keymap, by its real file (keymaps/ is a link to these).
        let keymaps = try FileManager.default.contentsOfDirectory(atPath: Self.root + "/Sources/MotCuaTUI/Keymaps")
            .filter { $0.hasSuffix(".keys") }
        #expect(!keymaps.isEmpty)
        for k in keymaps { expected.insert("share/motcua/keymaps/" + k) }
        #expect(files == Set(expected.map { name + "/" + $0 }), "\(files)")
    }

    /// `install.sh` on a stub release tree: installs into PREFIX, and refuses clearly where it
    /// cannot write (under /proc nothing can be created, not even by root).
    @Test func installScriptInstallsIntoPrefixAndRefusesWithoutPermission() throws {
        let dir = try TempFolder()
        defer { dir.remove() }
        let tree = dir.file("motcua-0-linux-test")
        let fm = FileManager.default
        for d in ["bin", "share/man/man1", "share/motcua/keymaps", "share/doc/motcua"] {
            try fm.createDirectory(atPath: tree + "/" + d, withIntermediateDirectories: true)
        }
        try fm.copyItem(atPath: Self.root + "/scripts/install.sh", toPath: tree + "/install.sh")
        try Data("#!/bin/sh\necho 9.9.9\n".utf8).write(to: URL(fileURLWithPath: tree + "/bin/motcua"))
        try fm.setAttributes([.posixPermissions: 0o755], ofItemAtPath: tree + "/bin/motcua")
        for f in ["share/man/man1/motcua.1", "share/motcua/keymaps/default.keys", "share/doc/motcua/huong-dan-cai-dat.md"] {
            try Data("x\n".utf8).write(to: URL(fileURLWithPath: tree + "/" + f))
        }

        let prefix = dir.file("prefix")
        let ok = try MotcuaProcess.run(executable: "/bin/sh", [tree + "/install.sh"], env: ["PREFIX": prefix])
        #expect(ok.status == 0, "\(ok.stdout) \(ok.stderr)")
        #expect(fm.isExecutableFile(atPath: prefix + "/bin/motcua"))
        for f in ["share/man/man1/motcua.1", "share/motcua/keymaps/default.keys", "share/doc/motcua/huong-dan-cai-dat.md"] {
            #expect(fm.fileExists(atPath: prefix + "/" + f), "\(f) not installed")
        }
        #expect(ok.stdout.contains("9.9.9"))
        // Again, over the first install (an upgrade), with --prefix.
        let again = try MotcuaProcess.run(executable: "/bin/sh", [tree + "/install.sh", "--prefix", prefix])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(((try? fm.contentsOfDirectory(atPath: prefix + "/bin")) ?? []) == ["motcua"])

        let denied = try MotcuaProcess.run(executable: "/bin/sh", [tree + "/install.sh"], env: ["PREFIX": "/proc/motcua-release-test"])
        #expect(denied.status == 1)
        #expect(denied.stderr.contains("không có quyền ghi vào /proc/motcua-release-test"), "\(denied.stderr)")
        #expect(denied.stderr.contains("sudo") && denied.stderr.contains("PREFIX=$HOME/.local"))
        #expect(denied.stderr.contains("no permission"))
    }

    @Test func theGuideIsVietnameseNFCAndCoversTheDesksSetup() throws {
        let guide = try Self.read("docs/huong-dan-cai-dat.md")
        #expect(guide == guide.precomposedStringWithCanonicalMapping, "docs/huong-dan-cai-dat.md is not NFC")
        for phrase in ["motcua desk --counter", "motcua board", "motcua display", "espeak-ng", "--print-command \"lp -d",
                       "motcua backup --dir /var/backups/motcua --keep 30", "motcua calendar announce", "motcua setup",
                       "install.sh", "Hướng dẫn cài đặt"] {
            #expect(guide.contains(phrase), "the guide does not mention \(phrase)")
        }
    }
}
