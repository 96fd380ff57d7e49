/// Every application this engine provides.
enum StandardApplications {
    static let all: [Application] = BasicApplications.all + FlowApplications.all + StackApplications.all
        + PromptApplications.all + ReadApplications.all + SayApplications.all + DeliveryApplications.all
        + RecordApplications.all + AuthenticateApplication.all + SystemApplications.all + AGIApplication.all
}
