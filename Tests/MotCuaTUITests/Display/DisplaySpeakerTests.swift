import Foundation
import Testing
import MotCuaCore
@testable import MotCuaTUI

/// The speech program as the trial met it: one that hangs and one that fails.
@Suite(.serialized) struct DisplaySpeakerTests {
    let dir = NSTemporaryDirectory() + "motcua-speaker-" + UUID().uuidString
    let call = TicketCall(id: 1, ticket: "A026", counter: 2, at: Date())

    /// A fake `espeak-ng` with `body` as its shell script.
    func fake(_ body: String) throws -> String {
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        // A fresh file each time, written through a close-on-exec descriptor: a child another
        // test spawns at that moment must not inherit it open for writing, or running the
        // script fails with "text file busy" (a CI run rang the bell for the working fake).
        let path = dir + "/espeak-ng-" + UUID().uuidString.prefix(8)
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o755)
        guard fd >= 0 else { throw CocoaError(.fileWriteUnknown) }
        let bytes = Array("#!/bin/sh\n\(body)\n".utf8)
        let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        close(fd)
        guard written == bytes.count else { throw CocoaError(.fileWriteUnknown) }
        return path
    }

    /// Whether `pid` still runs (a zombie waiting for its reaper does not).
    func alive(_ pid: Int32) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8) else { return false }
        let state = stat.split(separator: ")").last?.split(separator: " ").first
        return state != "Z"
    }

    func sleeperPid() throws -> Int32 {
        for _ in 0..<200 {
            if let text = try? String(contentsOfFile: dir + "/sleeper", encoding: .utf8),
               let pid = Int32(text.trimmingCharacters(in: .whitespacesAndNewlines)) { return pid }
            Thread.sleep(forTimeInterval: 0.05)
        }
        throw CancellationError()
    }

    func waitIdle(_ s: CallSpeaker, seconds: Double) -> Bool {
        let end = Date().addingTimeInterval(seconds)
        while Date() < end {
            if !s.isBusy { return true }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return !s.isBusy
    }

    @Test func aHungSpeakerIsKilledAfterItsTimeLimitWithWhatItStartedAndTheBellRings() throws {
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let term = MemoryTerminal()
        let s = EspeakSpeaker(executable: try fake("sleep 100 & echo $! > '\(dir)/sleeper'\nwait"), timeLimit: 0.5,
                              fallback: BellSpeaker(terminal: term))
        s.announce(call)
        let sleeper = try sleeperPid()
        #expect(s.isBusy)
        #expect(waitIdle(s, seconds: 5), "the next call goes on after the time limit")
        Thread.sleep(forTimeInterval: 0.2)
        #expect(!alive(sleeper), "nothing left running")
        #expect(term.bellCount == 1)
        #expect(s.notice != nil)
    }

    @Test func quittingTheDisplayKillsTheSpeakerStillTalking() throws {
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let term = MemoryTerminal()
        let s = EspeakSpeaker(executable: try fake("sleep 100 & echo $! > '\(dir)/sleeper'\nwait"), fallback: BellSpeaker(terminal: term))
        let app = DisplayApp(terminal: term, language: .vi, ascii: false, speaker: s, title: { "" }, clock: { "" },
                             load: { DisplayData(calls: [], waiting: 0) }, changes: { false })
        var sleeper: Int32?
        // Quit once the speaker is surely talking (its child has started).
        term.enqueue(perform: { s.announce(self.call); sleeper = try? self.sleeperPid() })
        term.enqueueTimeout()
        term.enqueue(.character("q"))
        app.run()
        let pid = try #require(sleeper)
        Thread.sleep(forTimeInterval: 0.2)
        #expect(!alive(pid), "the speaker does not outlive the display")
        #expect(!s.isBusy)
    }

    @Test func aSpeakerThatFailsRingsTheBellForThatCallAndSaysSo() throws {
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let term = MemoryTerminal()
        let s = EspeakSpeaker(executable: try fake("echo \"voice 'vi' not found\" >&2\nexit 1"), fallback: BellSpeaker(terminal: term))
        s.announce(call)
        #expect(waitIdle(s, seconds: 5))
        #expect(term.bellCount == 1)
        #expect(s.notice?.vi.contains("espeak-ng lỗi") == true)
        // A speaker that works rings nothing.
        let ok = EspeakSpeaker(executable: try fake("exit 0"), fallback: BellSpeaker(terminal: term))
        ok.announce(call)
        #expect(waitIdle(ok, seconds: 5))
        #expect(term.bellCount == 1 && ok.notice == nil)
    }
}
