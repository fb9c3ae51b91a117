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
                if let t = try session.callNext() {
                    say(vi ? "Mời số \(t.code) — \(t.applicantName) — đến quầy \(session.counter)"
                           : "Calling \(t.code) — \(t.applicantName) — to counter \(session.counter)")
                } else {
                    say(vi ? "Không còn ai đang chờ" : "Nobody is waiting")
                }
            case .queueRecall:
                let t = try session.recall()
                say(vi ? "Gọi lại số \(t.code) — \(t.applicantName) (lần \(t.recallCount + 1))"
                       : "Calling \(t.code) — \(t.applicantName) — again (\(t.recallCount + 1))")
            case .queueDone:
                let t = try session.finishCurrent(.done)
                say(vi ? "Số \(t.code) đã xong. F5 để gọi số tiếp theo" : "\(t.code) done. F5 calls the next ticket")
            case .walkinRegister, .dossierReceive, .queueNoShow, .queueTransfer:
                say(vi ? "\(action.label.vi): đang hoàn thiện" : "\(action.label.en): coming")
            default:
                return false
            }
        } catch {
            report(error)
        }
        return true
    }
}
