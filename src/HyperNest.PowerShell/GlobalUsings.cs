// Core's HyperNest.Hosting.ErrorCategory mirrors PowerShell's; inside the module PowerShell's is meant.
global using ErrorCategory = System.Management.Automation.ErrorCategory;
