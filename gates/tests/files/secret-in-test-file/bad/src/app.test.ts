const token = "sk_live_Fixture00zKLMcyKHKi7M07QbbS";
