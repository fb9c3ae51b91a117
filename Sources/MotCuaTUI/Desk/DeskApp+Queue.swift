import MotCuaCore

/// The queue's own actions on a working desk: call, recall, finish, transfer, and the forms it
/// opens. Each goes through the session (one store transaction with its audit event).
extension DeskApp {
    func performQueueAction(_ action: Action) -> Bool {
        guard let session else { return false }
        let vi = language == .vi
        do {
            switch action {
            case .queueCallNext:
                let result = try session.callNext()
                let finished = result.finished.map { vi ? "Số \($0.code) xong. " : "\($0.code) done. " } ?? ""
                if let t = result.called {
                    say(finished + (vi ? "Mời số \(t.code) — \(t.applicantName) — đến quầy \(session.counter)"
                                       : "Calling \(t.code) — \(t.applicantName) — to counter \(session.counter)"))
                } else {
                    say(finished + (vi ? "Không còn ai đang chờ" : "Nobody is waiting"))
                }
            case .queueRecall:
                let t = try session.recall()
                say(vi ? "Gọi lại số \(t.code) — \(t.applicantName) (lần \(t.recallCount + 1))"
                       : "Calling \(t.code) — \(t.applicantName) — again (\(t.recallCount + 1))")
            case .queueDone:
                let t = try session.finishCurrent(.done)
                say(vi ? "Số \(t.code) đã xong. F5 để gọi số tiếp theo" : "\(t.code) done. F5 calls the next ticket")
            case .queueNoShow:
                let t = try session.requireCurrent()
                push(ConfirmScreen(title: vi ? "Vắng mặt" : "No-show",
                                   message: vi ? "Số \(t.code) — \(t.applicantName) — không có mặt? Phiếu sẽ đóng."
                                               : "\(t.code) — \(t.applicantName) — did not come? The ticket will be closed.",
                                   defaultYes: true,
                                   onYes: { app in
                                       do {
                                           let closed = try session.finishCurrent(.noShow)
                                           app.say(vi ? "Số \(closed.code): vắng mặt" : "\(closed.code): no-show")
                                       } catch { app.report(error) }
                                   }))
            case .queueTransfer:
                let t = try session.requireCurrent()
                let counters = session.profile().counters
                push(PromptScreen(title: vi ? "Chuyển quầy" : "Transfer",
                                  label: vi ? "Chuyển số \(t.code) sang quầy (1–\(counters), trừ quầy \(session.counter)):"
                                            : "Send \(t.code) to counter (1–\(counters), not \(session.counter)):",
                                  asciiOnly: true, maxLength: 2,
                                  validate: { text in
                                      guard let n = Int(text), (1...counters).contains(n), n != session.counter else {
                                          return vi ? "Quầy: cần một số từ 1 đến \(counters), khác quầy \(session.counter)"
                                                    : "Counter: a number from 1 to \(counters), not \(session.counter)"
                                      }
                                      return nil
                                  },
                                  onAccept: { text, app in
                                      do {
                                          let moved = try session.transferCurrent(to: Int(text) ?? 0)
                                          app.say(vi ? "Đã chuyển số \(moved.code) sang quầy \(moved.counter ?? 0)"
                                                     : "\(moved.code) sent to counter \(moved.counter ?? 0)")
                                      } catch { app.report(error) }
                                  }))
            case .walkinRegister:
                push(WalkInFormScreen(session: session))
            case .dossierReceive:
                push(ReceiveDossierScreen(session: session, ticket: session.currentTicket()))
            default:
                return false
            }
        } catch {
            report(error)
        }
        reload()
        return true
    }
}
