// The GRDB store lands here.
