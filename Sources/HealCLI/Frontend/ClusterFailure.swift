/// An error raised while talking to a cluster, with which cluster it was — so the message can
/// name the context and server without the command having to.
struct ClusterFailure: Error {
    var underlying: any Error
    var situation: ErrorPresenter.Situation
}
