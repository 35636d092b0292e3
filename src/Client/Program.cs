Console.WriteLine("cluster");
